"""Translatable titles of the licence facts (the data file holds their ids)."""

from osor.collection import _


FACT_TITLES = {
    "commercial_use": _("fact_commercial_use", default="Commercial use"),
    "modification": _("fact_modification", default="Modification"),
    "distribution": _("fact_distribution", default="Distribution"),
    "patent_grant": _("fact_patent_grant", default="Patent grant"),
    "sublicensing": _("fact_sublicensing", default="Sublicensing"),
    "disclose_source": _("fact_disclose_source", default="Disclose source"),
    "same_licence": _("fact_same_licence", default="Same licence"),
    "state_changes": _("fact_state_changes", default="State changes"),
    "notice": _("fact_notice", default="Copyright and licence notice"),
    "network_use_is_distribution": _("fact_network_use", default="Network use is distribution"),
    "liability_disclaimer": _("fact_liability", default="Liability disclaimer"),
    "warranty_disclaimer": _("fact_warranty", default="Warranty disclaimer"),
    "no_trademark_rights": _("fact_trademark", default="No trademark rights"),
    "osi_approved": _("fact_osi_approved", default="OSI approved"),
    "fsf_libre": _("fact_fsf_libre", default="FSF free/libre"),
}

FACT_GROUP_TITLES = {
    "permissions": _("heading_licence_permissions", default="Permissions"),
    "conditions": _("heading_licence_conditions", default="Conditions"),
    "limitations": _("heading_licence_limitations", default="Limitations"),
}

COPYLEFT_TITLES = {
    "none": _("copyleft_none", default="None (permissive)"),
    "weak_file": _("copyleft_weak_file", default="Weak (file)"),
    "weak_library": _("copyleft_weak_library", default="Weak (library)"),
    "strong": _("copyleft_strong", default="Strong"),
    "network": _("copyleft_network", default="Network"),
}

VERDICT_TITLES = {
    "compatible": _("verdict_compatible", default="Compatible"),
    "not_compatible": _("verdict_not_compatible", default="Not compatible"),
    "depends": _("verdict_depends", default="It depends"),
    "unknown": _("verdict_unknown", default="Unknown: no source covers it"),
}
