namespace CustomerService.Grains;
