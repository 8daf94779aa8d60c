from aiohttp import web


async def health(request):
    return web.json_response({'health': 'true'})


async def predict(request):
    body = await request.json()
    return web.json_response({'predictions': [sum(body.get('inputs', []))]})


app = web.Application()
app.router.add_get('/health', health)
app.router.add_post('/predict', predict)

if __name__ == '__main__':
    web.run_app(app, host='0.0.0.0', port=8080)
