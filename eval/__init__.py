"""Quality evaluation of recoupe on public data sets (kept outside the repository)."""
