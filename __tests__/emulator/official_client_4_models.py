"""The model calls of datarisk-mlops-codex 4.0.2 (src/mlops_codex/model.py), for official_client_4_calls.py.

A preprocessing script feeds a model; the client joins them when the model is called:
  MLOpsModelClient(...): health + login (BaseMLOps), then get_model(model_hash, group): login,
      GET /model/describe/{g}/{m} 200 Description.Operation -> SyncModel or AsyncModel, whose
      constructor connects again (health + login)
  model.status(): login, GET /model/status/{g}/{m} 200 Status (404 -> ModelError)
  SyncModel.predict(data, preprocessing=p): POST /model/sync/run/{g}/{m} with the group token,
      raw JSON {"Input": data, "ScriptHash": p.preprocessing_id}, no Content-Type; 200 required
      (404 -> ModelError)
  AsyncModel.predict(data, preprocessing=p): p.run(..., wait_complete=True) and its download()
      (preprocessed_data.parquet), then POST /model/async/run/{g}/{m} multipart part `input`
      named preprocessed_data.parquet, group token, 202 ExecutionId; wait_run_ready: sleep 30 s,
      then GET /model/async/status/{g}/{id} 200 while Requested or Running
  ModelExecution.download(name="predictions.zip"): GET /model/async/result/{g}/{id} 200 -> the zip
Our own code, written from a reading of the client; `r` is the replay (Replay4) that sends.
"""
import json
import os

MODEL_STATES = {"Ready", "Building", "Recovering", "FailedRecovery", "Failed", "Deployed", "Disabled",
                "DisabledRecovery", "DisabledFailed", "Deleted"}
EXECUTION_STATES = {"Requested", "Running", "Succeeded", "Failed"}


def get_model(r, model_hash, group):
    r.connect()  # MLOpsModelClient(...)
    description = r.make_request("GET", f"/model/describe/{group}/{model_hash}", 200,
                                 headers={"Authorization": "Bearer " + r.login()}).json()["Description"]
    r.connect()  # SyncModel(...) / AsyncModel(...)
    return {"hash": model_hash, "group": group, "operation": description["Operation"], "name": description["Name"]}


def status(r, model):
    body = r.make_request("GET", f"/model/status/{model['group']}/{model['hash']}", 200, "ModelError",
                          headers=r.user("_model_status")).json()
    if body["Status"] not in MODEL_STATES:
        raise KeyError(body["Status"])
    return body["Status"]


def group_headers(r, method_name=None):
    return {"Authorization": "Bearer " + r.group_token, **(r._codex(method_name) if method_name else {})}


def predict_sync(r, model, data, script_hash):
    upload = {"Input": data, "ScriptHash": script_hash}
    return r.make_request("POST", f"/model/sync/run/{model['group']}/{model['hash']}", 200, "ModelError",
                          data=json.dumps(upload), headers=group_headers(r, "SyncModel.predict")).json()


def execution_status(r, model, execution_id):
    body = r.make_request("GET", f"/model/async/status/{model['group']}/{execution_id}", 200,
                          headers=group_headers(r)).json()
    if body["Status"] not in EXECUTION_STATES:
        raise KeyError(body["Status"])
    if body["Status"] == "Failed":
        body["Message"]  # logged by the client
    return body["Status"]


def predict_async(r, model, preprocessed_path):
    """The model half of AsyncModel.predict(data, preprocessing=p) and wait_run_ready()."""
    with open(preprocessed_path, "rb") as handle:
        execution_id = r.make_request("POST", f"/model/async/run/{model['group']}/{model['hash']}", 202, "ModelError",
                                      files=[("input", ("preprocessed_data.parquet", handle))],
                                      headers=group_headers(r, "AsyncModel.predict")).json()["ExecutionId"]
    current = "Running"
    while current in ("Requested", "Running"):
        r._nap(30)
        current = execution_status(r, model, execution_id)
    return {"execution_id": execution_id, "status": current}


def download(r, model, execution_id, path):
    response = r.make_request("GET", f"/model/async/result/{model['group']}/{execution_id}", 200,
                              headers=group_headers(r, "ModelExecution.download"))
    target = os.path.join(path, "predictions.zip")
    with open(target, "wb") as handle:
        handle.write(response.content)
    return target
