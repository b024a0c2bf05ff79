"""Downloading a distribution counts the download."""

from plone.namedfile.browser import Download
from plone.protect.utils import safeWrite


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
            return self.request.response.redirect(self.context.access_url)
        if not self.fieldname:
            self.fieldname = "file"
        return super().__call__()
