namespace CustomerService.Runtime.AdoNet;
