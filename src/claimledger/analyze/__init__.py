"""Cross-article analysis: claim clusters, origins and independence, numeric checks, grades."""
