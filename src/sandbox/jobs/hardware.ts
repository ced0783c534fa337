// GET /api/jobs/hardware: the real Jobs flavors with their specs and official prices
// (hf-jobs-skill-and-mcp.md §3 hardware table, hub-docs jobs-pricing.md). Prices are per hour on the docs;
// the API reports them per minute (`unitLabel: "minute"`), as the Hub does.

export interface JobHardware {
  name: string;
  prettyName: string;
  cpu: string;
  ram: string;
  ephemeralStorage: string;
  accelerator: {type: 'gpu'; model: string; quantity: string; vram: string; manufacturer: 'Nvidia'} | null;
  unitCostMicroUSD: number;
  unitCostUSD: number;
  unitLabel: 'minute';
}

type Row = [
  name: string,
  pretty: string,
  vcpu: number,
  ramGb: number,
  storageGb: number,
  gpu: [model: string, qty: number, vramGb: number] | null,
  usdPerHour: number,
];

// Names, vCPU, VRAM and prices are the official ones. RAM and storage of the h200 and rtx-pro-6000 families are not
// in our design notes: those are approximations (the sandbox runs everything on this machine anyway).
const ROWS: Row[] = [
  ['cpu-basic', 'CPU Basic', 2, 16, 50, null, 0.01],
  ['cpu-upgrade', 'CPU Upgrade', 8, 32, 50, null, 0.03],
  ['cpu-performance', 'CPU Performance', 32, 256, 1024, null, 1.9],
  ['cpu-xl', 'CPU XL', 16, 124, 1000, null, 1.0],
  ['t4-small', 'Nvidia T4 - small', 4, 15, 50, ['T4', 1, 16], 0.4],
  ['t4-medium', 'Nvidia T4 - medium', 8, 30, 100, ['T4', 1, 16], 0.6],
  ['l4x1', '1x Nvidia L4', 8, 30, 400, ['L4', 1, 24], 0.8],
  ['l4x4', '4x Nvidia L4', 48, 186, 3200, ['L4', 4, 96], 3.8],
  ['l40sx1', '1x Nvidia L40S', 8, 62, 380, ['L40S', 1, 48], 1.8],
  ['l40sx4', '4x Nvidia L40S', 48, 382, 3200, ['L40S', 4, 192], 8.3],
  ['l40sx8', '8x Nvidia L40S', 192, 1534, 6500, ['L40S', 8, 384], 23.5],
  ['a10g-small', 'Nvidia A10G - small', 4, 15, 110, ['A10G', 1, 24], 1.0],
  ['a10g-large', 'Nvidia A10G - large', 12, 46, 200, ['A10G', 1, 24], 1.5],
  ['a10g-largex2', '2x Nvidia A10G - large', 24, 92, 1000, ['A10G', 2, 48], 3.0],
  ['a10g-largex4', '4x Nvidia A10G - large', 48, 184, 2000, ['A10G', 4, 96], 5.0],
  ['a100-large', 'Nvidia A100 - large', 12, 142, 1000, ['A100', 1, 80], 2.5],
  ['a100x4', '4x Nvidia A100', 48, 568, 4000, ['A100', 4, 320], 10.0],
  ['a100x8', '8x Nvidia A100', 96, 1136, 8000, ['A100', 8, 640], 20.0],
  ['h200', 'Nvidia H200', 23, 256, 3000, ['H200', 1, 141], 5.0],
  ['h200x2', '2x Nvidia H200', 46, 512, 6000, ['H200', 2, 282], 10.0],
  ['h200x4', '4x Nvidia H200', 92, 1024, 12000, ['H200', 4, 564], 20.0],
  ['h200x8', '8x Nvidia H200', 184, 2048, 24000, ['H200', 8, 1128], 40.0],
  ['rtx-pro-6000', 'Nvidia RTX PRO 6000', 23, 192, 3000, ['RTX PRO 6000', 1, 96], 2.75],
  ['rtx-pro-6000x2', '2x Nvidia RTX PRO 6000', 46, 384, 6000, ['RTX PRO 6000', 2, 192], 5.5],
  ['rtx-pro-6000x4', '4x Nvidia RTX PRO 6000', 92, 768, 12000, ['RTX PRO 6000', 4, 384], 11.0],
  ['rtx-pro-6000x8', '8x Nvidia RTX PRO 6000', 184, 1536, 24000, ['RTX PRO 6000', 8, 768], 22.0],
];

export const JOB_HARDWARE: readonly JobHardware[] = ROWS.map(([name, prettyName, vcpu, ram, storage, gpu, perHour]) => {
  const unitCostMicroUSD = Math.round((perHour * 1e6) / 60);
  return {
    name,
    prettyName,
    cpu: `${vcpu} vCPU`,
    ram: `${ram} GB`,
    ephemeralStorage: `${storage} GB`,
    accelerator: gpu
      ? {type: 'gpu', model: gpu[0], quantity: String(gpu[1]), vram: `${gpu[2]} GB`, manufacturer: 'Nvidia'}
      : null,
    unitCostMicroUSD,
    unitCostUSD: unitCostMicroUSD / 1e6,
    unitLabel: 'minute',
  };
});

export const FLAVOR_NAMES: readonly string[] = JOB_HARDWARE.map((h) => h.name);
