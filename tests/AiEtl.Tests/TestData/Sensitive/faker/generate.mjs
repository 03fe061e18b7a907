// Regenerates the faker corpus: npm install @faker-js/faker@8.4.1, then node generate.mjs (from this folder).
// Mock data only (faker's made-up people, cards and accounts); labels.txt gives each column's expected kind.
import { faker } from '@faker-js/faker';
import { writeFileSync } from 'node:fs';

faker.seed(16);
const rows = 80;
const labels = [];
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
function write(name, columns) {
  const lines = [columns.map((c) => c[0]).join(',')];
  for (let i = 0; i < rows; i++) lines.push(columns.map((c) => quote(String(c[2](i)))).join(','));
  writeFileSync(name, lines.join('\n') + '\n');
  for (const c of columns) labels.push(`faker/${name}:${c[0]}:${c[1]}`);
}
const day = (d) => d.toISOString().slice(0, 10);
write('users.csv', [
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
write('orders.csv', [
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
write('sessions.csv', [
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
writeFileSync('labels.txt', labels.join('\n') + '\n');
