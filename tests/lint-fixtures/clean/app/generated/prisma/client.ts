export class Client {
  seats = 1;
}
