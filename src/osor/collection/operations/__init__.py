"""What a site administrator needs to see to run the site on several processes."""
