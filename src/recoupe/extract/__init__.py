"""Text extraction from the formats recoupe reads: HTML, PDF and plain text."""
