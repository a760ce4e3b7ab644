// The operators' live fleet map. The operator key stays in this tab (sessionStorage) and goes
// only in headers; the hub is opened with short-lived tickets, since a WebSocket can't carry
// a header and a query string must never hold the key itself.
"use strict";
(function () {
  const COLORS = {
    Available: "#14804a", Assigned: "#7a5af8", HeadedToPickup: "#1f4fd1", HeadedToDropoff: "#0b7fab",
    Returning: "#9a6700", Charging: "#d97706", Maintenance: "#c23934", Offline: "#6b7280",
  };
  const STORAGE_KEY = "fdd-operator-key";
  const el = (id) => document.getElementById(id);
  const { map } = MapBase.create("map");
  const renderer = L.canvas({ padding: 0.5 });
  const drones = new Map();
  let connection = null;
  let fitted = false;
  let summaryTimer = null;

  map.setView([0, 0], 2);

  function key() {
    return sessionStorage.getItem(STORAGE_KEY) || "";
  }

  async function api(method, path) {
    const response = await fetch(path, { method, headers: { "X-Api-Key": key() } });
    if (response.status === 401 || response.status === 403) throw new Error("not-operator");
    if (!response.ok) throw new Error("HTTP " + response.status);
    return response.json();
  }

  async function ticket() {
    return (await api("POST", "/api/fleet/live-tickets")).ticket;
  }

  function showSignIn(error) {
    el("fleet").hidden = true;
    el("sign-in").hidden = false;
    el("sign-in-error").hidden = !error;
    el("sign-in-error").textContent = error || "";
  }

  function place(drone) {
    const known = drones.get(drone.id);
    const style = { radius: 6, color: "#fff", weight: 1.5, fillColor: COLORS[drone.status] || "#333", fillOpacity: 0.95, renderer };
    if (known) {
      known.marker.setLatLng([drone.lat, drone.lon]).setStyle(style);
      known.drone = drone;
    } else {
      const marker = L.circleMarker([drone.lat, drone.lon], style).addTo(map);
      marker.bindTooltip(() => drone.id + " · " + drones.get(drone.id).drone.status);
      drones.set(drone.id, { marker, drone });
    }
  }

  function remove(id) {
    const known = drones.get(id);
    if (known) {
      known.marker.remove();
      drones.delete(id);
    }
  }

  function applyDrones(message) {
    if (message.full) {
      const present = new Set(message.drones.map((d) => d.id));
      for (const id of [...drones.keys()]) if (!present.has(id)) remove(id);
    }
    message.drones.forEach(place);
    message.removed.forEach(remove);
    renderLegend();
    renderFound();
    if (!fitted && drones.size > 0) {
      fitted = true;
      map.fitBounds(L.latLngBounds([...drones.values()].map((d) => [d.drone.lat, d.drone.lon])), { padding: [30, 30], maxZoom: 14 });
    }
  }

  function renderLegend() {
    const counts = {};
    for (const { drone } of drones.values()) counts[drone.status] = (counts[drone.status] || 0) + 1;
    el("drone-count").textContent = drones.size;
    const legend = el("legend");
    legend.replaceChildren();
    for (const status of Object.keys(COLORS)) {
      const item = document.createElement("li");
      item.dataset.status = status;
      item.innerHTML = "<span class='swatch'></span><span class='label'></span><span class='count'></span>";
      item.querySelector(".swatch").style.background = COLORS[status];
      item.querySelector(".label").textContent = status;
      item.querySelector(".count").textContent = counts[status] || 0;
      legend.appendChild(item);
    }
  }

  function renderFound() {
    const wanted = el("find").value.trim();
    const known = wanted && drones.get(wanted);
    el("found").textContent = !wanted ? "" : known
      ? known.drone.id + ": " + known.drone.status + " at " + known.drone.lat.toFixed(5) + ", " + known.drone.lon.toFixed(5)
      : "No drone " + wanted + " on the map.";
  }

  el("find").addEventListener("input", () => {
    renderFound();
    const known = drones.get(el("find").value.trim());
    if (known) map.panTo(known.marker.getLatLng());
  });

  async function renderSummary() {
    try {
      const summary = await api("GET", "/api/fleet/summary");
      const figures = el("deliveries");
      figures.replaceChildren();
      for (const [stage, count] of Object.entries(summary.deliveriesByStage)) {
        const term = document.createElement("dt");
        term.textContent = stage;
        const value = document.createElement("dd");
        value.textContent = count;
        value.dataset.stage = stage;
        figures.append(term, value);
      }
      el("waiting").textContent = summary.oldestAwaitingSince
        ? "Oldest waiting since " + new Date(summary.oldestAwaitingSince).toLocaleTimeString()
        : "No delivery is waiting for a drone.";
    } catch {
      // The live map carries on; the next round tries again.
    }
  }

  function note(text) {
    el("connection").hidden = !text;
    el("connection").textContent = text || "";
  }

  async function start() {
    try {
      await ticket();
    } catch (error) {
      sessionStorage.removeItem(STORAGE_KEY);
      showSignIn(error.message === "not-operator" ? "That is not an operator key." : "The gateway can't be reached; try again.");
      return;
    }
    el("sign-in").hidden = true;
    el("fleet").hidden = false;
    renderLegend();
    connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/fleet", { accessTokenFactory: ticket })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
      .build();
    connection.on("drones", applyDrones);
    connection.onreconnecting(() => note("Connection lost; reconnecting…"));
    connection.onreconnected(() => note(""));
    connection.onclose(() => {
      note("Connection lost; reconnecting…");
      setTimeout(connect, 5000);
    });
    await connect();
    renderSummary();
    summaryTimer = setInterval(renderSummary, 10000);
  }

  async function connect() {
    try {
      await connection.start();
      note("");
    } catch {
      note("Can't reach the fleet feed; retrying…");
      setTimeout(connect, 5000);
    }
  }

  el("sign-in").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(STORAGE_KEY, el("operator-key").value);
    el("operator-key").value = "";
    start();
  });

  el("sign-out").addEventListener("click", async () => {
    sessionStorage.removeItem(STORAGE_KEY);
    clearInterval(summaryTimer);
    if (connection) {
      connection.onclose(() => {});
      await connection.stop();
    }
    for (const id of [...drones.keys()]) remove(id);
    showSignIn();
  });

  if (key()) start(); else showSignIn();
})();
