// Regenerates the faker corpora: npm install @faker-js/faker@8.4.1, then node generate.mjs (from this folder).
// Mock data only (faker's made-up people, cards and accounts); each folder's labels.txt gives each column's expected kind.
// faker/: en_US formats, which the recognisers were widened against. heldout/: British and German locales, generated
// after the last change to the recognisers and never tuned against.
// Recent and past dates are relative to the day it runs, so those columns differ from the committed files; nothing else does.
import { faker, fakerEN_GB, fakerDE } from '@faker-js/faker';
import { writeFileSync } from 'node:fs';

const rows = 80;
const labels = { faker: [], heldout: [] };
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function write(folder, name, columns) {
  const lines = [columns.map((c) => c[0]).join(',')];
  for (let i = 0; i < rows; i++) lines.push(columns.map((c) => quote(String(c[2](i)))).join(','));
  writeFileSync(`${folder}/${name}`, lines.join('\n') + '\n');
  for (const c of columns) labels[folder].push(`${folder}/${name}:${c[0]}:${c[1]}`);
}
const day = (d) => d.toISOString().slice(0, 10);

faker.seed(16);
write('faker', 'users.csv', [
  ['user_id', 'None', (i) => 5000 + i],
  ['name', 'PersonName', () => faker.person.fullName()],
  ['email_address', 'Email', () => faker.internet.email()],
  ['phone_number', 'Phone', () => faker.phone.number()],
  ['birthdate', 'DateOfBirth', () => day(faker.date.birthdate())],
  ['street_address', 'StreetAddress', () => faker.location.streetAddress()],
  ['zip_code', 'None', () => faker.location.zipCode()],
  ['city', 'None', () => faker.location.city()],
  ['created_at', 'None', () => faker.date.recent({ days: 400 }).toISOString()],
  ['username', 'None', () => faker.internet.userName()],
]);
write('faker', 'orders.csv', [
  ['order_id', 'None', () => faker.string.uuid()],
  ['credit_card', 'CreditCard', () => faker.finance.creditCardNumber()],
  ['account_iban', 'Iban', () => faker.finance.iban()],
  ['account_number', 'None', () => faker.finance.accountNumber()],
  ['amount', 'None', () => faker.finance.amount()],
  ['isbn', 'None', () => faker.commerce.isbn()],
  ['product_name', 'None', () => faker.commerce.productName()],
  ['ordered_on', 'None', () => day(faker.date.recent({ days: 100 }))],
  ['customer', 'PersonName', () => faker.person.fullName()],
  ['shipping_street', 'StreetAddress', () => faker.location.streetAddress(true)],
]);
write('faker', 'sessions.csv', [
  ['session_id', 'None', () => faker.string.alphanumeric(24)],
  ['ip', 'IpAddress', () => faker.internet.ipv4()],
  ['ipv6_address', 'IpAddress', () => faker.internet.ipv6()],
  ['user_agent', 'None', () => faker.internet.userAgent()],
  ['mac', 'None', () => faker.internet.mac()],
  ['started', 'None', () => faker.date.recent().toISOString()],
  ['surname', 'PersonName', () => faker.person.lastName()],
  ['given_name', 'PersonName', () => faker.person.firstName()],
  ['company', 'None', () => faker.company.name()],
  ['card_id', 'None', () => faker.string.numeric(16)],
]);
for (const [locale, faker] of [['gb', fakerEN_GB], ['de', fakerDE]]) {
  faker.seed(2024);
  write('heldout', `contacts-${locale}.csv`, [
    ['id', 'None', (i) => i + 1],
    ['full_name', 'PersonName', () => faker.person.fullName()],
    ['email', 'Email', () => faker.internet.email()],
    ['telephone', 'Phone', () => faker.phone.number()],
    ['date_of_birth', 'DateOfBirth', () => day(faker.date.birthdate())],
    ['address', 'StreetAddress', () => faker.location.streetAddress()],
    ['postcode', 'None', () => faker.location.zipCode()],
    ['town', 'None', () => faker.location.city()],
    ['registered', 'None', () => faker.date.past().toISOString()],
    ['iban', 'Iban', () => faker.finance.iban()],
    ['card', 'CreditCard', () => faker.finance.creditCardNumber()],
    ['last_ip', 'IpAddress', () => faker.internet.ip()],
    ['product', 'None', () => faker.commerce.productName()],
    ['order_ref', 'None', () => faker.string.numeric(16)],
    ['isbn', 'None', () => faker.commerce.isbn()],
    ['tracking', 'None', () => faker.string.uuid()],
  ]);
}
for (const folder of Object.keys(labels)) writeFileSync(`${folder}/labels.txt`, labels[folder].join('\n') + '\n');
