// An ES module that leaks two ways: a module-level Map it never deletes from, and an exported
// array every registration appends to.
const plugins = new Map();
export const eventLog = [];

class Plugin {
  constructor(id) { this.id = id; this.name = `plugin-${id}`; }
}
class LogEvent {
  constructor(id) { this.id = id; this.text = `registered ${id}`; }
}

export function registerPlugin(id) {
  plugins.set(id, new Plugin(id));
  eventLog.push(new LogEvent(id));
}
