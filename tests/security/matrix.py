"""Access-matrix cases for the two-factor pages. They belong to the logged-in user themself: there is no
permission or jurisdiction to deny, so only anonymous (-> login) and allowed are checked."""

from tests.matrix import Case

CASES = [
    Case("twofactor-setup", allowed="qiaocheng"),
    # Nothing to verify for a user without 2FA: the page sends them on to where they were going.
    Case("twofactor-verify", allowed="qiaocheng", ok_status=(302,)),
    Case("twofactor-disable", allowed="qiaocheng"),
]
