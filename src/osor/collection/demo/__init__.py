"""The demo site: a site distribution and its example content."""
