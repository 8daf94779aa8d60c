const express = require('express');

const app = express();
app.use(express.json());

app.get('/health', (req, res) => res.json({ health: 'true' }));
app.post('/v1/predict', (req, res) => res.json({ predictions: [(req.body.inputs || []).reduce((a, b) => a + b, 0)] }));

app.listen(process.env.PORT || 8080, '0.0.0.0', () => console.log('listening on process.env.PORT || 8080'));
