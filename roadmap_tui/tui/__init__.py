"""The terminal app (Textual): a thin face over the same layers the command line uses.

Importing this package imports no Textual; `roadmap_tui.tui.app` does.
"""

import gc

# Importing the app then makes some 300,000 objects (Textual, the models' validators) that live as
# long as the process, and the full garbage collections this sets off walked everything loaded
# before, again and again (20 ms of the start). What is loaded by now is kept out of them.
gc.freeze()
