#!/bin/bash
# http-fcgid.sh: http.sh's checks through Apache with mod_fcgid
# (examples/apache/civic-fcgid.conf): Apache starts the programs itself.
CIVIC_WEB=fcgid exec bash "$(dirname "$0")/http.sh" "$@"
