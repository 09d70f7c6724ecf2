"""Writers for the clean document: DOCX (GB/T 9704-2012), TXT, JSON; all written atomically."""
