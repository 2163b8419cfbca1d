"""The web UI: server-rendered pages (templates/) and their static files (static/)."""
