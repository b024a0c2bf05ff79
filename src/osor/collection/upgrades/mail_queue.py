"""1002 → 1003: the *Mail queue* control panel (``@@mail-queue``) in Site Setup.

Imports only our ``controlpanel.xml`` (one configlet, no purge): the
site's other configlets are untouched.
"""

PROFILE = "profile-osor.collection:default"


def add_mail_queue_configlet(setup_tool):
    setup_tool.runImportStepFromProfile(PROFILE, "controlpanel", run_dependencies=False)
