# The port comes from the deployment environment; nothing in the image says which.
import os
from waitress import serve
from app import app

serve(app, listen='*:' + os.environ['SERVICE_PORT'])
