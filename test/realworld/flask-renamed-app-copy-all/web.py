from flask import Flask, render_template, request
from PIL import Image

web = Flask(__name__)


def brightness(fp):
    img = Image.open(fp).convert('L').resize((64, 64))
    return sum(img.getdata()) / (64 * 64 * 255)


@web.route('/healthz', methods=['GET'])
def alive():
    return {'health': 'true'}


@web.route('/', methods=['GET', 'POST'])
def index():
    if request.method == 'GET':
        return render_template('upload.html')
    f = request.files.get('image')
    if f is None or f.filename == '':
        return {'error': 'no file provided'}, 400
    return {'label': 'day' if brightness(f) > 0.5 else 'night'}


if __name__ == '__main__':
    # every interface, port 8080 (the port ModelArts forwards to)
    web.run(host="0.0.0.0", port=8080)
