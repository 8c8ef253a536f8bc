#!/bin/bash
# http-apache.sh: http.sh's checks through Apache with mod_proxy_fcgi
# (examples/apache/civic-proxy-fcgi.conf) instead of nginx.
CIVIC_WEB=apache exec bash "$(dirname "$0")/http.sh" "$@"
