#!/bin/bash
# programs-fcgid.sh: programs.sh's checks through Apache with mod_fcgid
# (examples/apache/civic-fcgid.conf): Apache starts every program itself.
CIVIC_WEB=fcgid exec bash "$(dirname "$0")/programs.sh" "$@"
