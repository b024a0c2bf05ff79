"""The legal coaching service: legal experts, the private legal request
workflow and its e-mails, and the anonymised Legal FAQ.

``experts`` (the site-wide group that holds the Legal Expert role),
``workflow`` (subscribers of the request
workflow), ``notifications`` (its e-mails) and ``faq`` (anonymised
publication). Views and services stay thin over these modules.
"""
