/** Set by the custom server on every request it hands to Next (replacing whatever the client
 *  sent): the client's address, which a route handler cannot otherwise see. */
export const CLIENT_ADDRESS_HEADER = "x-sortroom-client-address";
