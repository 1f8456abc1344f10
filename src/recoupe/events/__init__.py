"""Events: dated happenings in sentences (``recoupe.events.v1``), merged across documents into
one timeline, with announcements followed up."""
