import type { RelationType } from '@opsdesk/domain';
import type { DemoCi, DemoData } from './cmdb.demo.js';

/** The bank branch: counter terminals and passbook printers on one access switch. */
export function bankCis(): DemoData {
  const cis: DemoCi[] = [
    {
      ref: 'sw',
      type: 'switch',
      name: '营业部接入交换机',
      vendor: '锐捷',
      model: 'RG-S2910',
      serial: 'RJ-2910-7781',
      warrantyIn: 35,
      purchased: '2018-07-01',
      price: 6800,
      site: '营业部',
      attributes: { management_ip: '192.168.100.1', port_count: 24, layer: 'l2' },
    },
  ];
  const relations: [string, RelationType, string][] = [];
  for (let i = 1; i <= 6; i++) {
    cis.push({
      ref: `pc${i}`,
      type: 'pc',
      name: `柜台终端-${String(i).padStart(2, '0')}`,
      vendor: '联想',
      model: 'ThinkCentre M930t',
      serial: `LX-M930-${1000 + i}`,
      warrantyIn: i === 1 ? 12 : i === 2 ? 40 : 500,
      purchased: i <= 2 ? '2019-06-01' : '2023-06-01',
      price: 5200,
      site: '营业部',
      attributes: { ip_address: `192.168.100.${10 + i}`, os: 'Windows 10', user_name: `柜员${i}` },
    });
    relations.push([`pc${i}`, 'connected_to', 'sw']);
  }
  for (let i = 1; i <= 3; i++) {
    cis.push({
      ref: `pr${i}`,
      type: 'printer',
      name: `存折打印机-${i}`,
      vendor: i === 3 ? '得力' : '南天',
      model: i === 3 ? 'DL-630K' : 'PR2E',
      serial: `PRN-${2000 + i}`,
      warrantyIn: i === 1 ? -60 : 75,
      purchased: '2018-07-01',
      price: 3900,
      site: '营业部',
      status: i === 1 ? 'maintenance' : 'in_use',
      attributes: { printer_kind: 'dot_matrix', network_printer: false },
    });
    relations.push([`pr${i}`, 'connected_to', `pc${i}`]);
  }
  return { cis, relations };
}
