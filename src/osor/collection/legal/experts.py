"""The legal experts: a site-wide group holding the Legal Expert role.

Site administrators add experts in *Users and Groups*; the legal request
workflow grants its permissions to the role, so membership of the group is
the only switch. Created at install (and by the upgrade step), removed at
uninstall.
"""

from plone import api


EXPERTS_GROUP = "legal-experts"
LEGAL_EXPERT_ROLE = "Legal Expert"


def ensure_experts_group() -> None:
    """Create the ``Legal experts`` group with its role (idempotent)."""
    group = api.group.get(groupname=EXPERTS_GROUP)
    if group is None:
        api.group.create(
            groupname=EXPERTS_GROUP,
            title="Legal experts",
            description="The legal coaching service: members see and answer every legal request.",
        )
    api.group.grant_roles(groupname=EXPERTS_GROUP, roles=[LEGAL_EXPERT_ROLE])


def remove_experts_group() -> None:
    if api.group.get(groupname=EXPERTS_GROUP) is not None:
        api.group.delete(groupname=EXPERTS_GROUP)


def expert_ids() -> list[str]:
    """The user ids of the legal experts."""
    if api.group.get(groupname=EXPERTS_GROUP) is None:
        return []
    return sorted(user.getId() for user in api.user.get_users(groupname=EXPERTS_GROUP))
