// The held-out corpus: generated once, after the recognisers were last changed, and never tuned against. British and
// German faker locales (other formats than the en_US files of ../faker). npm install @faker-js/faker@8.4.1, then
// node generate.mjs (from this folder). Mock data only; labels.txt gives each column's expected kind.
import { fakerEN_GB, fakerDE } from '@faker-js/faker';
import { writeFileSync } from 'node:fs';

const rows = 80;
const labels = [];
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function write(name, columns) {
  const lines = [columns.map((c) => c[0]).join(',')];
  for (let i = 0; i < rows; i++) lines.push(columns.map((c) => quote(String(c[2](i)))).join(','));
  writeFileSync(name, lines.join('\n') + '\n');
  for (const c of columns) labels.push(`heldout/${name}:${c[0]}:${c[1]}`);
}
const day = (d) => d.toISOString().slice(0, 10);
for (const [locale, faker] of [['gb', fakerEN_GB], ['de', fakerDE]]) {
  faker.seed(2024);
  write(`contacts-${locale}.csv`, [
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
writeFileSync('labels.txt', labels.join('\n') + '\n');
