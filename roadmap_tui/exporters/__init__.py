"""Impact and workspace -> documents (.md, .pptx, ...).

Each exporter is its own module, imported by name (`roadmap_tui.exporters.markdown`); this
package imports nothing, so that heavy libraries (python-pptx) load only for the exporter used.
"""
