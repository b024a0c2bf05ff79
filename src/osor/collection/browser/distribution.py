"""Downloading a distribution counts the download."""

from osor.collection.fields import safe_url
from plone.namedfile.browser import Download
from plone.protect.utils import safeWrite
from zExceptions import NotFound


class DistributionDownload(Download):
    """``@@download`` on a distribution: count, then serve the file or redirect.

    The count is written on a GET on purpose; ``safeWrite`` tells
    plone.protect that this one write is expected.
    """

    def __call__(self):
        self.context.record_download()
        safeWrite(self.context, self.request)
        safeWrite(self.context._downloads, self.request)
        if not self.context.file:
            url = safe_url(self.context.access_url)
            if url is None:
                raise NotFound(self.context, "download", self.request)
            return self.request.response.redirect(url)
        if not self.fieldname:
            self.fieldname = "file"
        return super().__call__()
