"""How a distribution's downloads are counted (``counting``): once per
visitor and day, browsers only, without storing personal data."""
