"""Reading documents: files, folders, records, WARC archives, URLs and feeds."""
