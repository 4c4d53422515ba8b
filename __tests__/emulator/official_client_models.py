"""The model calls of neomaril-codex 2.1.1 (src/neomaril_codex/model.py, base.py), for official_client_calls.py.

A preprocessing script feeds a model; the client joins them when the model is called:
  NeomarilModelClient.get_model(model_id, group): GET /model/status/{g}/{m} (user, 200|410)
      Status (every 10 s while Building); Deployed -> NeomarilModel(...): health + login, then
      GET /model/describe/{g}/{m} (user; 401/404/>=500 raise) Description.Name/Status/Operation
  predict(data=..., preprocessing=p) on a Sync model: POST /model/sync/run/{g}/{m}, group
      token, raw JSON {"Input": data, "ScriptHash": p.preprocessing_id}, no Content-Type, no
      status check: the JSON answer is returned as it is
  predict(data=<path>, preprocessing=p, wait_complete=True) on an Async model: p must be
      Async ("Can only use async preprocessing with async models"); p.run(data=path), then
      wait_ready() and download_result(path="./", filename="result_preprocessing") (the v1
      result zip, written in the working directory); then POST /model/async/run/{g}/{m}
      multipart part `input` named result_preprocessing, group token, 202 ExecutionId ->
      NeomarilExecution(AsyncModel): health + login, GET /model/describe/{g}/{m}/{id} (user)
      Description.ExecutionState, then GET /model/async/status/{g}/{id} (200|410) every 30 s
      while Running or Requested
  execution.download_result(path=...): GET /model/async/result/{g}/{id} (200|410) -> output.zip
Our own code, written from a reading of the client; `r` is the replay (Replay) that sends.
"""
import json


def model_status(r, model_id, group):
    """NeomarilModelClient.__get_model_status: 200 or 410."""
    return r._send("GET", f"/model/status/{group}/{model_id}", (200, 410), headers=r._user_auth()).json()["Status"]


def get_model(r, model_id, group):
    status = model_status(r, model_id, group)
    while status == "Building":
        status = model_status(r, model_id, group)
        r._nap(10)
    if status != "Deployed":
        raise ValueError(f"ModelError: model {model_id} is {status}")
    r.connect()  # NeomarilModel(...)
    response = r._send("GET", f"/model/describe/{group}/{model_id}", None, headers=r._user_auth())
    if response.status_code in (401, 404) or response.status_code >= 500:
        raise ValueError(f"ModelError: describe HTTP {response.status_code}")
    description = response.json()["Description"]
    return {"hash": model_id, "group": group, "name": description["Name"], "status": description["Status"],
            "operation": description["Operation"].lower()}


def predict_sync(r, model, data, preprocessing):
    body = {"Input": data, "ScriptHash": preprocessing["hash"]}
    response = r._send("POST", f"/model/sync/run/{model['group']}/{model['hash']}", None,
                       data=json.dumps(body), headers=r._group_auth())
    return {"http_status": response.status_code, "result": response.json()}


def execution_status(r, model, execution_id):
    answer = r._send("GET", f"/model/async/status/{model['group']}/{execution_id}", (200, 410),
                     headers=r._group_auth()).json()
    return answer["Status"], answer


def predict_async(r, model, data, preprocessing):
    """predict(data=path, preprocessing=p, wait_complete=True); p is the replay's Async script."""
    if preprocessing["operation"] != "async":
        raise ValueError("PreprocessingError: Can only use async preprocessing with async models")
    pre_run = r.run(preprocessing, data)
    r.wait_ready(pre_run)
    if pre_run["status"] != "Succeeded":
        return {"preprocessing_status": pre_run["status"]}
    uploaded = r.download_result(pre_run, path="./", filename="result_preprocessing")
    with open(uploaded, "rb") as handle:
        response = r._send("POST", f"/model/async/run/{model['group']}/{model['hash']}", (202,),
                           files=[("input", ("result_preprocessing", handle))], data={}, headers=r._group_auth())
    started = response.json()
    started["Message"]  # logged by the client
    execution_id = started["ExecutionId"]
    r.connect()  # NeomarilExecution(exec_type="AsyncModel")
    described = r._send("GET", f"/model/describe/{model['group']}/{model['hash']}/{execution_id}", None,
                        headers=r._user_auth())
    if described.status_code in (401, 404) or described.status_code >= 500:
        raise ValueError(f"ModelError: execution describe HTTP {described.status_code}")
    described.json()["Description"]["ExecutionState"]
    status, answer = execution_status(r, model, execution_id)
    while status in ("Running", "Requested"):
        r._nap(30)
        status, answer = execution_status(r, model, execution_id)
    if status == "Failed":
        raise ValueError(f"ExecutionError: {answer['Message']}")
    return {"execution_id": execution_id, "status": status}


def download_result(r, model, execution_id, path):
    response = r._send("GET", f"/model/async/result/{model['group']}/{execution_id}", (200, 410),
                       headers=r._group_auth())
    target = path.rstrip("/") + "/output.zip"
    with open(target, "wb") as out:
        out.write(response.content)
    return target
