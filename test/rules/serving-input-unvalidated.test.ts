// Tests of serving-input-unvalidated: raw request data reaching a model, and the validations that make it safe.
import { fixtureTest } from '../helpers/fixtures';
import { ruleTester } from '../helpers/rule-tester';
import rule from '../../src/engine/rules/skew/serving-input-unvalidated';

const FLASK = 'from flask import Flask, request, jsonify\nimport joblib\napp = Flask(__name__)\nmodel = joblib.load("m.joblib")\n';
const FASTAPI = 'from fastapi import FastAPI, Request\nimport joblib\napp = FastAPI()\nmodel = joblib.load("m.joblib")\n';

ruleTester(rule, {
  valid: [
    { name: 'a pydantic body is validated by FastAPI', filename: 'serve.py', code: `${FASTAPI}from pydantic import BaseModel\nclass Item(BaseModel):\n    x: float\n@app.post("/p")\ndef p(item: Item):\n    return model.predict([[item.x]])\n` },
    { name: 'a marshmallow schema loads the payload first', filename: 'serve.py', code: `${FLASK}from marshmallow import Schema, fields\nclass S(Schema):\n    x = fields.Float(required=True)\n@app.post("/p")\ndef p():\n    data = S().load(request.get_json())\n    return jsonify(model.predict([[data["x"]]]).tolist())\n` },
    { name: 'jsonschema.validate on the raw dict', filename: 'serve.py', code: `${FLASK}import jsonschema\n@app.post("/p")\ndef p():\n    data = request.json\n    jsonschema.validate(data, SCHEMA)\n    return jsonify(model.predict([data["x"]]).tolist())\n` },
    { name: 'a project helper named as a validator', filename: 'serve.py', code: `${FLASK}from .checks import validate_payload\n@app.post("/p")\ndef p():\n    data = request.get_json()\n    validate_payload(data)\n    return jsonify(model.predict([data]).tolist())\n` },
    { name: 'raw data that never reaches a model', filename: 'serve.py', code: `${FLASK}@app.post("/feedback")\ndef feedback():\n    store(request.get_json())\n    return jsonify(ok=True)\n` },
    { name: 'not a serving file', filename: 'train.py', code: 'import joblib\ndef p(request):\n    return model.predict(request.json())\n' },
    { name: 'fields read one by one and converted to numbers', filename: 'serve.py', code: `${FLASK}@app.post("/p")\ndef p():\n    age = float(request.form["age"])\n    income = int(request.form.get("income"))\n    return jsonify(model.predict([[age, income]]).tolist())\n` },
    { name: 'a request object of another library', filename: 'serve.py', code: `${FASTAPI}import requests\n@app.get("/p")\ndef p():\n    r = requests.get(URL)\n    return model.predict(r.json())\n` },
  ],
  invalid: [
    {
      name: 'Flask: request.json straight into predict',
      filename: 'serve.py',
      code: `${FLASK}@app.route("/p", methods=["POST"])\ndef p():\n    return jsonify(model.predict([request.json["features"]]).tolist())\n`,
      errors: [{ messageId: 'raw', line: 7, column: 35 }],
    },
    {
      name: 'Starlette request in a Ray Serve deployment class',
      filename: 'deploy.py',
      code: 'from ray import serve\nfrom starlette.requests import Request\n@serve.deployment\nclass Scorer:\n    def __init__(self):\n        self.model = load()\n    async def __call__(self, request: Request):\n        features = (await request.json())["x"]\n        return self.model.predict([features])\n',
      errors: [{ messageId: 'raw', line: 8, column: 27 }],
    },
    {
      name: 'a KServe model whose predict takes the payload dict',
      filename: 'model_server.py',
      code: 'from typing import Dict\nimport kserve\nfrom kserve import Model\nclass Churn(Model):\n    def predict(self, payload: Dict, headers: Dict = None) -> Dict:\n        return {"predictions": self.model.predict(payload["instances"]).tolist()}\n',
      errors: [{ messageId: 'dictBody', line: 5, column: 23 }],
    },
    {
      name: 'BentoML JSON input without a pydantic model',
      filename: 'service.py',
      code: 'import bentoml\nfrom bentoml.io import JSON\nrunner = bentoml.sklearn.get("clf:latest").to_runner()\nsvc = bentoml.Service("clf", runners=[runner])\n@svc.api(input=JSON(), output=JSON())\ndef classify(data):\n    return runner.predict.run([data["features"]])\n',
      errors: [{ messageId: 'dictBody', line: 6, column: 14 }],
    },
    {
      name: 'a dict body through a local helper that predicts',
      filename: 'serve.py',
      code: `${FASTAPI}def run(rows):\n    return model.predict(rows)\n@app.post("/p")\ndef p(body: dict):\n    return run(body["rows"])\n`,
      errors: [{ messageId: 'dictBody', line: 8, column: 7 }],
    },
  ],
});

fixtureTest('serving-input-unvalidated');
