"""Impact and workspace -> documents (.md, .pptx, .csv, ...).

Each exporter is its own module, imported by name (`roadmap_tui.exporters.markdown`); this
package imports nothing, so that heavy libraries (python-pptx) load only for the exporter used.
User text is made safe in one place per format: `markdown_text` for every Markdown document,
`csv_out` for CSV, `deck.clean` for the deck.
"""
