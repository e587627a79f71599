"""Strings of allauth (and one of Django's password validators) that Rada translates
itself, because their Polish, Ukrainian or Russian translations are wrong (Title
Case, missing spaces, broken grammar).

They are marked here only so that ``make messages`` keeps them in Rada's catalogs;
those take precedence over every app's own, because ``locale/`` is listed in
``LOCALE_PATHS`` (Django merges the catalogs of ``LOCALE_PATHS`` last, so they win).
Nothing imports this module."""

from django.utils.translation import gettext_noop

CORRECTED = [
    gettext_noop("Account Already Exists"),
    gettext_noop("Account Inactive"),
    gettext_noop("Add Email"),
    gettext_noop("Add Email Address"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("Bad Token"),
    gettext_noop("Cancel Change"),
    gettext_noop("Change Email"),
    gettext_noop("Change Password"),
    gettext_noop("Confirm Access"),
    gettext_noop("Confirm Email Address"),
    gettext_noop("Current Password"),
    gettext_noop("Email Address"),
    gettext_noop("Email Changed"),
    gettext_noop("Email Confirmation"),
    gettext_noop("Email Removed"),
    gettext_noop("Email address %(deleted_email)s has been removed from your account."),
    gettext_noop("Enter Sign-In Code"),
    gettext_noop("Forgot Password?"),
    gettext_noop("Make Primary"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Password Changed"),
    gettext_noop("Password Reset"),
    gettext_noop("Password Reset Email"),
    gettext_noop("Password Set"),
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.'
    ),
    gettext_noop("Re-send Verification"),
    gettext_noop("Remember Me"),
    gettext_noop("Request Code"),
    gettext_noop("Reset My Password"),
    gettext_noop("Set Password"),
    gettext_noop("Sign Up Closed"),
    gettext_noop("Sign-In Code"),
    gettext_noop("Unknown Account"),
    gettext_noop("Username can not be used. Please use other username."),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Your password can’t be entirely numeric."),
]
