#!/bin/bash
# programs-apache.sh: programs.sh's checks (every program's page, form POST
# and upload) through Apache with mod_proxy_fcgi
# (examples/apache/civic-proxy-fcgi.conf) instead of nginx.
CIVIC_WEB=apache exec bash "$(dirname "$0")/programs.sh" "$@"
