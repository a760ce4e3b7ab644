// The customer's tracking page: one delivery, opened with its tracking link /track/{id}?t={token}.
// The hub sends the latest status and position at a bounded rate; the page keeps the map, the
// stage timeline and the ETA countdown in step with them, and re-tracks after a reconnect.
"use strict";
(function () {
  const STAGES = ["Requested", "AwaitingDrone", "Scheduled", "HeadedToPickup", "HeadedToDropoff", "Delivered"];
  const LABELS = {
    Requested: "Requested", AwaitingDrone: "Waiting for a drone", Scheduled: "Drone assigned",
    HeadedToPickup: "On the way to pick up", HeadedToDropoff: "On the way to you", Delivered: "Delivered",
    Cancelled: "Cancelled", Failed: "Could not be delivered",
  };
  const FINISHED = ["Delivered", "Cancelled", "Failed"];
  const el = (id) => document.getElementById(id);

  const deliveryId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const token = new URLSearchParams(location.search).get("t") || "";
  const { map } = MapBase.create("map");
  const state = { stage: null, pickupEta: null, deliveryEta: null, reached: {}, trip: null, position: null, trail: [] };
  let droneMarker = null;
  let trailLine = null;
  let routeLine = null;

  el("delivery-id").textContent = deliveryId;
  map.setView([0, 0], 2);

  function time(value) {
    return value ? new Date(value).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "–";
  }

  function showMessage(text, kind) {
    const message = el("message");
    message.hidden = !text;
    message.textContent = text || "";
    message.className = "message " + (kind || "");
  }

  let invalid = false;

  function fail(text) {
    invalid = true;
    el("stage").textContent = "Not found";
    el("stage").dataset.stage = "Invalid";
    showMessage(text, "error");
    document.body.classList.add("invalid");
  }

  function renderTimeline() {
    const list = el("timeline");
    list.replaceChildren();
    const finalStage = FINISHED.includes(state.stage) && state.stage !== "Delivered" ? state.stage : null;
    const shown = STAGES.filter((s) => s !== "AwaitingDrone" || state.reached.AwaitingDrone || state.stage === "AwaitingDrone");
    if (finalStage) shown.splice(shown.indexOf("Delivered"), 1, finalStage);
    const current = shown.indexOf(state.stage);
    shown.forEach((stage, index) => {
      const item = document.createElement("li");
      item.dataset.stage = stage;
      item.className = index < current || FINISHED.includes(state.stage) && index === current ? "done" : index === current ? "current" : "todo";
      const at = state.reached[stage];
      item.innerHTML = "<span class='dot'></span><span class='label'></span><time></time>";
      item.querySelector(".label").textContent = LABELS[stage];
      item.querySelector("time").textContent = at ? time(at) : "";
      list.appendChild(item);
    });
  }

  function renderCountdown() {
    const countdown = el("countdown");
    if (!state.deliveryEta || FINISHED.includes(state.stage)) {
      countdown.textContent = "";
      return;
    }
    const seconds = Math.round((new Date(state.deliveryEta) - Date.now()) / 1000);
    if (seconds <= 0) {
      countdown.textContent = "any moment now";
      return;
    }
    const minutes = Math.floor(seconds / 60);
    countdown.textContent = "in " + (minutes > 0 ? minutes + " min " : "") + (seconds % 60) + " s";
  }

  function renderStatus() {
    const stage = state.stage;
    el("stage").textContent = LABELS[stage] || stage;
    el("stage").dataset.stage = stage;
    el("delivery-eta").textContent = stage === "Delivered" ? time(state.reached.Delivered) : time(state.deliveryEta);
    el("pickup-eta").textContent = time(state.pickupEta);
    el("pickup-eta-block").hidden = !state.pickupEta;
    renderCountdown();
    renderTimeline();
    renderRoute();
    if (stage === "AwaitingDrone") showMessage("All drones nearby are busy. Your delivery is next in line; we'll show its drone here as soon as one is assigned.", "waiting");
    else if (stage === "Requested") showMessage("We're finding a drone for your delivery.", "waiting");
    else if (stage === "Delivered") showMessage("Your package was delivered at " + time(state.reached.Delivered) + ".", "done");
    else if (stage === "Cancelled") showMessage("This delivery was cancelled.", "ended");
    else if (stage === "Failed") showMessage("This delivery could not be completed. The sender has been told.", "ended");
    else showMessage("");
  }

  function renderRoute() {
    if (!state.trip) return;
    const points = [];
    if (state.position && !FINISHED.includes(state.stage)) points.push([state.position.lat, state.position.lon]);
    if (!["HeadedToDropoff", ...FINISHED].includes(state.stage)) points.push([state.trip.pickup.lat, state.trip.pickup.lon]);
    points.push([state.trip.dropoff.lat, state.trip.dropoff.lon]);
    routeLine.setLatLngs(FINISHED.includes(state.stage) ? [] : points);
  }

  function applyStatus(status) {
    if (status.stage !== state.stage && !state.reached[status.stage]) state.reached[status.stage] = status.at;
    state.stage = status.stage;
    state.pickupEta = status.pickupEta;
    state.deliveryEta = status.deliveryEta;
    renderStatus();
  }

  function applyPosition(position) {
    if (state.position && position.at < state.position.at) return;
    state.position = position;
    const latLng = [position.lat, position.lon];
    if (!droneMarker) {
      droneMarker = L.marker(latLng, { icon: MapBase.droneIcon(position.headingDeg), title: "Drone " + position.droneId, zIndexOffset: 1000 }).addTo(map);
    } else {
      droneMarker.setLatLng(latLng);
      const arrow = droneMarker.getElement() && droneMarker.getElement().querySelector(".drone-arrow");
      if (arrow) arrow.style.transform = "rotate(" + position.headingDeg + "deg)";
    }
    state.trail.push(latLng);
    if (state.trail.length > 2000) state.trail.shift();
    trailLine.setLatLngs(state.trail);
    el("drone-line").textContent = "Drone " + position.droneId + " · " + Math.round(position.speedMps * 3.6) + " km/h · last seen " + time(position.at);
    renderRoute();
  }

  function applySnapshot(snapshot) {
    const first = !state.trip;
    state.trip = { pickup: snapshot.pickup, dropoff: snapshot.dropoff };
    for (const milestone of snapshot.milestones) state.reached[milestone.stage] = state.reached[milestone.stage] || milestone.at;
    if (first) {
      L.marker([snapshot.pickup.lat, snapshot.pickup.lon], { icon: MapBase.pin("P", "pickup"), title: "Pickup" }).addTo(map);
      L.marker([snapshot.dropoff.lat, snapshot.dropoff.lon], { icon: MapBase.pin("D", "dropoff"), title: "Drop-off" }).addTo(map);
      routeLine = L.polyline([], { color: "#1f4fd1", weight: 3, dashArray: "6 8", opacity: 0.8 }).addTo(map);
      trailLine = L.polyline([], { color: "#1f4fd1", weight: 3, opacity: 0.5 }).addTo(map);
      const bounds = L.latLngBounds([[snapshot.pickup.lat, snapshot.pickup.lon], [snapshot.dropoff.lat, snapshot.dropoff.lon]]);
      if (snapshot.position) bounds.extend([snapshot.position.lat, snapshot.position.lon]);
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 16 });
    }
    applyStatus(snapshot.status);
    if (snapshot.position) applyPosition(snapshot.position);
  }

  if (!deliveryId || !token) {
    fail("This tracking link is incomplete. Please open the full link you were sent.");
    return;
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/tracking")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();
  connection.on("status", applyStatus);
  connection.on("position", applyPosition);

  function connectionNote(text) {
    el("connection").hidden = !text;
    el("connection").textContent = text || "";
  }

  async function track() {
    try {
      applySnapshot(await connection.invoke("Track", deliveryId, token));
      connectionNote("");
    } catch (error) {
      const text = String(error && error.message || error);
      if (text.includes("No delivery matches")) {
        fail("This tracking link is not valid. Please check that you opened the whole link you were sent.");
        await connection.stop();
      } else {
        connectionNote("Live updates are paused; retrying…");
        setTimeout(track, 5000);
      }
    }
  }

  async function start() {
    try {
      await connection.start();
      await track();
    } catch {
      connectionNote("Can't reach the tracking service; retrying…");
      setTimeout(start, 5000);
    }
  }

  connection.onreconnecting(() => connectionNote("Connection lost; reconnecting…"));
  connection.onreconnected(() => track());
  connection.onclose(() => {
    if (!invalid) {
      connectionNote("Connection lost; reconnecting…");
      setTimeout(start, 5000);
    }
  });
  setInterval(renderCountdown, 1000);
  start();
})();
