import { fmt, found, unavailable } from './derive-support.js';
import { defineMetrics } from './metric-entry.js';

/** Metrics of either engine, about the agent that reports the database. */
export const AGENT_METRICS = defineMetrics([
  {
    key: 'agent.disconnected_s',
    unit: 's',
    description: "Seconds since the database's agent was last seen (a batch, a heartbeat or a pong).",
    thresholds: { operator: '>=', warning: 120, critical: 600 },
    ok: 60,
    source: 'Vigil: the server pings every 30 s and agents heartbeat more often, so 2 min is four missed pings; after 10 min every other figure is stale',
    component: { postgres: 'connections', clickhouse: 'infrastructure' },
    category: 'availability',
    live: true,
    derive(input) {
      if (input.agent_last_seen_ms === null) return unavailable('the agent has never connected');
      return found(Math.max(0, (input.now_ms - input.agent_last_seen_ms) / 1000), [{ key: 'agent', label: `agent last seen ${new Date(input.agent_last_seen_ms).toISOString()}` }]);
    },
    doctor: {
      title: 'Agent not reporting',
      detail: (v, objects, t) => `Nothing has arrived from the agent for ${fmt(v)} s (level ${t} s): ${objects[0]?.label ?? ''}. Every other figure here is as old as that.`,
      recommendation: 'Check that the agent runs and can reach the server; its own log says why it stopped sending.',
      how_to_investigate: 'On the agent host: systemctl status vigil-agent; journalctl -u vigil-agent --since -1h; vigil-agent test',
      how_to_fix: 'systemctl restart vigil-agent; fix the network path or API key that vigil-agent test names.',
    },
  },
]);
