import { defaultCatalogue, entryIndicators } from '../../src/domain/catalogue';
import { buildUnitTab } from '../../src/domain/unitTab';
it('probe', () => {
const all = defaultCatalogue().map(i=>({...i,active:true}));
const out: string[] = [String(all.length)];
for (const l of ['xa','huyen','tinh'] as const) out.push(l+' '+entryIndicators(all, l).map(i=>i.code).join(' '));
for (const l of ['xa','huyen'] as const) out.push(l+' default '+entryIndicators(defaultCatalogue(), l).map(i=>i.code).join(' '));
const inds = entryIndicators(all,'huyen');
const t = buildUnitTab({unitName:'X',unitCode:'X',officers:[],year:2026,indicators:inds,catalogue:all,existing:{values:{},notes:{},submitControls:[false,false,false,false]},statuses:['','','','']});
out.push(JSON.stringify(t.rows.filter(r=>r.kind==='section').map(r=>t.grid[r.row-1]![0])));
console.log(out.join('\n'));
});
