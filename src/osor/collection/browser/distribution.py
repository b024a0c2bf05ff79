"""Downloading a distribution counts the download (``downloads.counting``)."""

from osor.collection.downloads.counting import count_download
from osor.collection.fields import safe_url
from plone.namedfile.browser import Download
from zExceptions import NotFound


class DistributionDownload(Download):
    """``@@download`` on a distribution: count, then serve the file or redirect.

    A browser's GET is counted once per visitor and day; a HEAD or a known
    crawler is served without counting.
    """

    def __call__(self):
        count_download(self.context, self.request)
        if not self.context.file:
            url = safe_url(self.context.access_url)
            if url is None:
                raise NotFound(self.context, "download", self.request)
            return self.request.response.redirect(url)
        if not self.fieldname:
            self.fieldname = "file"
        return super().__call__()
