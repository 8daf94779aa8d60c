from flask import Flask, request
import json

app = Flask(__name__)


@app.route('/', methods=['POST'])
def echo_root():
    payload = json.loads(request.get_data(as_text=True))
    return json.dumps({'received': payload})


@app.route('/welcome', methods=['POST'])
def welcome():
    payload = json.loads(request.get_data(as_text=True))
    return json.dumps({'text': 'Welcome, {}'.format(payload['who'])})


@app.route('/bye', methods=['GET'])
def bye():
    return 'see you\n'


# ModelArts forwards to 8080 inside the container: listen on every interface.
if __name__ == '__main__':
    app.run(host="0.0.0.0", port=8080)
