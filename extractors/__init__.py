"""Pure text-to-values code: page parsing (site.py) and fact extraction. Never fetches, never writes."""
