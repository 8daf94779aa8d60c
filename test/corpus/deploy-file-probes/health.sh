#!/bin/sh
# ModelArts runs this as an EXEC liveness probe: exit 0 means healthy.
exec python3 -c "import urllib.request; urllib.request.urlopen(\"http://127.0.0.1:8080/health\", timeout=2)"
