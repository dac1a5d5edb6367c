"""Capacity and cross-team dependencies as a graph: overloads, broken orders, leftovers, a
drafted quarter and making room for new work. Pure logic: no files, no UI.

- graph: `PlanGraph`, the workspace as one networkx graph, updated item by item;
- capacity: `team_loads` (own, asked, used, free, overloaded per team and quarter);
- dependencies: cycles, dangling ids, broken orders, an item's closure and critical chain;
- asks: who needs how many days from whom in which quarter;
- carry, draft, adopt: `MovePlan`s (move_plan) that `apply_plan`/`plan_edit` apply in memory;
- solver: the exact knapsack (HiGHS, through highspy) draft and adopt share;
- moves: single-item moves as edits for the terminal app;
- stages: a quarter's review stage and its log (`set_stage`, `StageError`), for the app and the CLI;
- status: where each quarter stands (stage, last review, items, load, what is open).
"""
