// The map's base layer. With no tile server configured (or no internet), a coordinate grid
// drawn in the browser keeps the map usable: the markers, the route and the grid move together.
"use strict";
window.MapBase = (function () {
  const GridLayer = L.GridLayer.extend({
    createTile: function (coords) {
      const tile = document.createElement("canvas");
      const size = this.getTileSize();
      tile.width = size.x;
      tile.height = size.y;
      const ctx = tile.getContext("2d");
      ctx.fillStyle = "#eef2f6";
      ctx.fillRect(0, 0, size.x, size.y);
      ctx.strokeStyle = "#cfd8e3";
      ctx.lineWidth = 1;
      ctx.strokeRect(0.5, 0.5, size.x, size.y);
      const nw = this._map.unproject(coords.scaleBy(size), coords.z);
      ctx.fillStyle = "#8a97a8";
      ctx.font = "10px system-ui, sans-serif";
      ctx.fillText(nw.lat.toFixed(3) + ", " + nw.lng.toFixed(3), 4, 12);
      return tile;
    },
  });

  function config() {
    const element = document.getElementById("page-config");
    try {
      return JSON.parse(element ? element.textContent : "{}") || {};
    } catch {
      return {};
    }
  }

  function create(elementId) {
    const settings = config();
    const map = L.map(elementId, { zoomControl: true, attributionControl: Boolean(settings.tileUrl) });
    if (settings.tileUrl) {
      L.tileLayer(settings.tileUrl, { maxZoom: 19, attribution: settings.tileAttribution || "" }).addTo(map);
    } else {
      new GridLayer({ maxZoom: 19 }).addTo(map);
    }
    return { map, settings };
  }

  function pin(label, cssClass) {
    return L.divIcon({
      className: "pin " + cssClass,
      html: "<span>" + label + "</span>",
      iconSize: [28, 28],
      iconAnchor: [14, 14],
    });
  }

  function droneIcon(headingDeg, cssClass) {
    const html = '<svg viewBox="0 0 24 24" class="drone-arrow" style="transform: rotate(' + Number(headingDeg || 0) + 'deg)">' +
      '<path d="M12 2 L20 21 L12 16 L4 21 Z"/></svg>';
    return L.divIcon({ className: "drone-marker " + (cssClass || ""), html, iconSize: [30, 30], iconAnchor: [15, 15] });
  }

  return { create, pin, droneIcon, config };
})();
