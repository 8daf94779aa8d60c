import json
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route('/health', methods=['GET'])
def health():
    return jsonify({'health': 'true'})


@app.route('/predict', methods=['POST'])
def predict():
    body = request.get_json(force=True)
    values = body.get('values', [])
    return jsonify({'score': sum(values) / max(len(values), 1)})


if __name__ == '__main__':
    app.run(host='0.0.0.0', port=8080)
