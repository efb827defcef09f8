"""Who may read the audit log of graduates' personal data in the Wagtail admin. The "Partners"
menu (providers, introductions, hires, the audit log) is registered by matching/wagtail_hooks.py,
the app that holds introductions and hires."""

from wagtail.permissions import register_permission_policy

from partners.admin.audit import AuditLogPermissionPolicy
from partners.models import PersonalDataAccess

register_permission_policy(PersonalDataAccess, AuditLogPermissionPolicy(PersonalDataAccess))
